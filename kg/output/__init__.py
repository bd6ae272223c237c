"""Files and in-process views of the graph: RDF, networkx, the collection's graph files, SHACL, SPARQL, export."""
