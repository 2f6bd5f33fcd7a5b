"""news-actors helpers: turn a news article into actors, events, places, dates and quotes.

Layers (bottom to top): ``config``, ``schemas`` and ``reference`` (general data);
the annotators ``ingest``, ``actors``, ``geo``, ``dates``, ``quotes``, ``events``;
``pipeline`` runs them for the command line. ``maps``, ``charts``, ``evaluate`` and
``export`` read only the tables.
"""

__version__ = "0.1.0"
