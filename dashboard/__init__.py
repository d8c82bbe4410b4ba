"""The Streamlit investigation workspace: thin pages over the graph store and ``queries``.

Run it with ``fakefree dashboard`` (or ``streamlit run dashboard/app.py``).
"""
