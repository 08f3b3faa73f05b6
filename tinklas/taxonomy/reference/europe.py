"""The 14 industrial ecosystems of the EU industrial strategy (2021 update) and the
network's fields with the ecosystems each belongs to.

Each ecosystem: slug, English name, Lithuanian name.
Each field: slug, English name, Lithuanian name, ecosystem slugs.
"""

ECOSYSTEMS = [
    ("aerospace-defence", "Aerospace and defence", "Aviacija, kosmosas ir gynyba"),
    ("agri-food", "Agri-food", "Žemės ūkis ir maisto pramonė"),
    ("construction", "Construction", "Statyba"),
    ("cultural-creative", "Cultural and creative industries", "Kultūros ir kūrybinės industrijos"),
    ("digital", "Digital", "Skaitmeninė pramonė"),
    ("electronics", "Electronics", "Elektronika"),
    ("energy-intensive", "Energy-intensive industries", "Daug energijos vartojanti pramonė"),
    ("renewable-energy", "Energy – renewables", "Atsinaujinančioji energetika"),
    ("health", "Health", "Sveikata"),
    ("mobility", "Mobility – transport – automotive", "Judumas, transportas ir automobiliai"),
    (
        "proximity",
        "Proximity, social economy and civil security",
        "Artimoji ir socialinė ekonomika, civilinė sauga",
    ),
    ("retail", "Retail", "Mažmeninė prekyba"),
    ("textile", "Textile", "Tekstilė"),
    ("tourism", "Tourism", "Turizmas"),
]

NETWORK_FIELDS = [
    (
        "ict",
        "Information and communication technologies",
        "Informacinės ir ryšių technologijos",
        ["digital", "electronics"],
    ),
    ("fintech", "Financial technologies", "Finansinės technologijos", ["digital"]),
    ("creative", "Creative industries", "Kūrybinės industrijos", ["cultural-creative"]),
    (
        "production",
        "Production and engineering",
        "Gamyba ir inžinerija",
        ["energy-intensive", "electronics", "textile", "aerospace-defence"],
    ),
    (
        "agrifood",
        "Agro-innovation and food technologies",
        "Agroinovacijos ir maisto technologijos",
        ["agri-food"],
    ),
    (
        "energy-construction",
        "Energy and construction",
        "Energetika ir statyba",
        ["renewable-energy", "construction"],
    ),
    ("transport", "Transport", "Transportas", ["mobility"]),
    ("health", "Health", "Sveikata", ["health"]),
    ("tourism", "Tourism", "Turizmas", ["tourism"]),
]
