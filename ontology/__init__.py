"""Ontology data files: policykg.ttl (OWL), shapes.ttl (SHACL), industries.ttl (SKOS), and
taxonomy.py, which reads the taxonomy. See README.md."""
