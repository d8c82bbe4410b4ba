"""Readers, mappers, entity resolution, the load pipeline and the graph stores."""
