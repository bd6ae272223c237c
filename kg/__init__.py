"""The graph side: extractions -> RDF (rdflib), networkx and Neo4j, and batch ingest.

Grouped by what each part produces: ``kg.batch`` (ingest: plan, run, prune, publish), ``kg.output``
(RDF, networkx, graph files, SHACL, SPARQL, export) and ``kg.neo4j`` (server, loader, queries);
``kg.iri``, ``kg.vocab`` and ``kg.folder`` are the names they share.
"""
