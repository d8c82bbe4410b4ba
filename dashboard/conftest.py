"""pytest: the page scripts and the app run only under Streamlit; doctests cover the modules."""

collect_ignore = ["app.py", "views"]
