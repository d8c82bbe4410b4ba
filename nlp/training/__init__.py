"""Training the fakefree NER pipeline from generated text and packaged gazetteers."""
