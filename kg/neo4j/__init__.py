"""Neo4j: the project's own server, connection settings, schema, the loader and its Cypher, queries."""
