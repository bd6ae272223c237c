"""Graph stages: extractions -> RDF (rdflib), networkx, Neo4j."""
