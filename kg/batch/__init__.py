"""Batch ingest: inputs, the manifest, one document's job in a worker, and the stages plan, run, prune, publish."""
