"""Demo content: five integration networks modelled on sites our users run.

``networks.py`` holds the content as plain data, ``images.py`` draws banners and logos with
Pillow, ``builder.py`` turns both into sites, pages, snippets, images and editor groups.
Run it with ``python manage.py load_demo``.
"""
