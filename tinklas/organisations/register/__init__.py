"""The national register of legal entities: its files, their loading, the lookup of a company
code, the staff page that loads uploads and the API of the entities.

It sits on organisations (LegalEntity and RegisterLoad stay in organisations/models.py);
organisations' core (models, forms, views, api) never imports it; only the management command
import_legal_entities, a command of organisations, calls its loading."""
