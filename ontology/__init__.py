"""Ontology data files: policykg.ttl (OWL), shapes.ttl (SHACL), industries.ttl (SKOS). See README.md."""
