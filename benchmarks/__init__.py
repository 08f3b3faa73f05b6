"""`make bench`: a European-scale network generated into benchmark databases, and the time
the main pages take on SQLite and PostgreSQL. See benchmarks/README.md."""
