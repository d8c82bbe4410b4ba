"""The geography, agencies, sectors and carriers of the world, as plain data tables."""

from __future__ import annotations

__all__ = ["court_for", "COUNTRIES", "SOURCES", "HUBS", "DESTINATIONS", "AGENCIES", "SECTORS", "COURTS",
           "BANKS", "VESSELS", "ORIGIN_OF"]

# code: (English name, French name, Spanish name)
COUNTRIES = {
    "CN": ("China", "Chine", "China"), "HK": ("Hong Kong", "Hong Kong", "Hong Kong"),
    "SG": ("Singapore", "Singapour", "Singapur"), "AE": ("United Arab Emirates",
    "Émirats arabes unis", "Emiratos Árabes Unidos"), "PA": ("Panama", "Panama", "Panamá"),
    "KR": ("South Korea", "Corée du Sud", "Corea del Sur"), "IN": ("India", "Inde", "India"),
    "TR": ("Turkey", "Turquie", "Turquía"), "VN": ("Vietnam", "Viêt Nam", "Vietnam"),
    "CA": ("Canada", "Canada", "Canadá"), "US": ("United States", "États-Unis", "Estados Unidos"),
    "MX": ("Mexico", "Mexique", "México"), "VG": ("British Virgin Islands", "îles Vierges britanniques",
    "Islas Vírgenes Británicas"), "CY": ("Cyprus", "Chypre", "Chipre"), "LV": ("Latvia", "Lettonie",
    "Letonia"),
}
# Source regions: (country, city, province, port of loading, origin for names)
SOURCES = [
    ("CN", "Shenzhen", "Guangdong", "Yantian", "zh"), ("CN", "Guangzhou", "Guangdong", "Nansha", "zh"),
    ("CN", "Dongguan", "Guangdong", "Yantian", "zh"), ("CN", "Yiwu", "Zhejiang", "Ningbo", "zh"),
    ("CN", "Ningbo", "Zhejiang", "Ningbo", "zh"), ("CN", "Quanzhou", "Fujian", "Xiamen", "zh"),
    ("CN", "Fuzhou", "Fujian", "Fuzhou", "zh"), ("IN", "Mumbai", "Maharashtra", "Nhava Sheva", "in"),
    ("IN", "Hyderabad", "Telangana", "Chennai", "in"), ("TR", "Istanbul", "Istanbul", "Ambarli", "tr"),
    ("VN", "Ho Chi Minh City", "Ho Chi Minh", "Cat Lai", "vi"),
]
# Transshipment hubs: (country, city, port name, port variants)
HUBS = [
    ("HK", "Hong Kong", "Port of Hong Kong", ["Hong Kong", "HKHKG", "Kwai Tsing"]),
    ("SG", "Singapore", "Port of Singapore", ["Singapore", "SGSIN", "Pasir Panjang"]),
    ("AE", "Dubai", "Jebel Ali", ["Jebel Ali", "AEJEA", "Port of Jebel Ali, Dubai"]),
    ("PA", "Colón", "Colón Free Zone", ["Colon", "Manzanillo International Terminal, Colón", "PAONX"]),
    ("KR", "Busan", "Port of Busan", ["Busan", "KRPUS", "Pusan"]),
]
# Destinations: (country, city, port name, variants, province/state)
DESTINATIONS = {
    "CA": [("Vancouver", "Port of Vancouver", ["Vancouver", "CAVAN", "Port de Vancouver", "Deltaport"], "BC"),
           ("Montréal", "Port of Montreal", ["Montreal", "Port de Montréal", "CAMTR"], "QC"),
           ("Halifax", "Port of Halifax", ["Halifax", "CAHAL", "Fairview Cove"], "NS"),
           ("Toronto", "Toronto Pearson International Airport", ["Pearson", "YYZ", "Toronto"], "ON")],
    "US": [("Los Angeles", "Port of Los Angeles/Long Beach", ["Long Beach", "Los Angeles", "USLAX", "LA/LB"], "CA"),
           ("Newark", "Port Newark-Elizabeth", ["Newark", "Elizabeth, NJ", "USEWR"], "NJ"),
           ("Miami", "PortMiami", ["Miami", "Port of Miami", "USMIA"], "FL"),
           ("Houston", "Port of Houston", ["Houston", "Barbours Cut", "USHOU"], "TX"),
           ("Laredo", "Laredo Port of Entry", ["Laredo", "World Trade Bridge", "Laredo, TX"], "TX"),
           ("New York", "JFK International Airport", ["JFK", "John F. Kennedy Airport", "JFK Airport"], "NY")],
    "MX": [("Manzanillo", "Puerto de Manzanillo", ["Manzanillo", "MXZLO", "Manzanillo, Colima"], "Colima"),
           ("Lázaro Cárdenas", "Puerto de Lázaro Cárdenas", ["Lazaro Cardenas", "Lázaro Cárdenas", "MXLZC"], "Michoacán"),
           ("Veracruz", "Puerto de Veracruz", ["Veracruz", "MXVER", "Puerto de Veracruz"], "Veracruz"),
           ("Nuevo Laredo", "Aduana de Nuevo Laredo", ["Nuevo Laredo", "Nvo. Laredo", "aduana de Nuevo Laredo"], "Tamaulipas")],
}
# code: (full name, French or Spanish name, short variants, country, language of its documents)
AGENCIES = {
    "RCMP": ("Royal Canadian Mounted Police", "Gendarmerie royale du Canada", ["RCMP", "GRC"], "CA", "en"),
    "CBSA": ("Canada Border Services Agency", "Agence des services frontaliers du Canada", ["CBSA", "ASFC"], "CA", "en"),
    "HSI": ("Homeland Security Investigations", "Investigaciones de Seguridad Nacional", ["HSI", "ICE-HSI", "ICE HSI"], "US", "en"),
    "CBP": ("U.S. Customs and Border Protection", "Aduanas y Protección Fronteriza", ["CBP", "Customs and Border Protection"], "US", "en"),
    "FBI": ("Federal Bureau of Investigation", "Buró Federal de Investigaciones", ["FBI"], "US", "en"),
    "FDA-OCI": ("FDA Office of Criminal Investigations", "Oficina de Investigaciones Criminales de la FDA", ["FDA-OCI", "FDA OCI", "OCI"], "US", "en"),
    "ANAM": ("Agencia Nacional de Aduanas de México", "Agencia Nacional de Aduanas de México", ["ANAM", "Aduanas"], "MX", "es"),
    "FGR": ("Fiscalía General de la República", "Fiscalía General de la República", ["FGR"], "MX", "es"),
    "SAT": ("Servicio de Administración Tributaria", "Servicio de Administración Tributaria", ["SAT"], "MX", "es"),
}
COURTS = {
    "CA": ["Ontario Court of Justice", "Supreme Court of British Columbia", "Cour du Québec"],
    "US": ["U.S. District Court for the Central District of California",
           "U.S. District Court for the District of New Jersey",
           "U.S. District Court for the Southern District of Florida",
           "U.S. District Court for the Southern District of Texas"],
    "MX": ["Juzgado Primero de Distrito en Materia Penal", "Juzgado Tercero de Distrito de Procesos Penales Federales"],
}
_COURT_BY_REGION = {"QC": "Cour du Québec", "BC": "Supreme Court of British Columbia",
                    "ON": "Ontario Court of Justice", "NS": "Supreme Court of Nova Scotia",
                    "CA": "U.S. District Court for the Central District of California",
                    "NJ": "U.S. District Court for the District of New Jersey",
                    "FL": "U.S. District Court for the Southern District of Florida",
                    "TX": "U.S. District Court for the Southern District of Texas",
                    "NY": "U.S. District Court for the Eastern District of New York"}


def court_for(country: str, region: str, rng) -> str:
    """The court that would hear a case at a port of ``region``."""
    if country == "MX":
        return rng.choice(COURTS["MX"])
    return _COURT_BY_REGION.get(region, COURTS[country][0])


# sector: (goods in en/fr/es, HS code, unit MSRP range USD, brand kinds)
SECTORS = {
    "auto parts": (("brake pads", "plaquettes de frein", "balatas"), "8708.30", (40, 180), ["Brakes", "Motorparts"]),
    "pharmaceuticals": (("erectile dysfunction tablets", "comprimés", "tabletas"), "3004.90", (2, 30), ["Pharma", "Health"]),
    "food": (("extra virgin olive oil", "huile d'olive", "aceite de oliva"), "1509.20", (8, 25), ["Foods", "Olive"]),
    "entertainment and software": (("game consoles and cartridges", "consoles de jeux", "consolas y cartuchos"), "9504.50", (30, 400), ["Interactive", "Studios"]),
    "apparel": (("sneakers and jerseys", "chaussures de sport", "tenis y camisetas"), "6404.11", (60, 250), ["Athletic", "Sport"]),
    "luxury goods": (("handbags and watches", "sacs à main", "bolsos y relojes"), "4202.21", (300, 4000), ["Paris", "Milano"]),
    "electronics": (("phone chargers and lithium batteries", "chargeurs et batteries", "cargadores y baterías"), "8507.60", (15, 90), ["Electronics", "Mobile"]),
    "cigarettes": (("cigarettes", "cigarettes", "cigarros"), "2402.20", (8, 14), ["Tobacco", "Royal"]),
}
BRAND_CORES = ["Veltrax", "Lumora", "Castellane", "Norvik", "Astrelle", "Korvane", "Brixon",
               "Solvane", "Tessaro", "Quorra", "Valmont", "Zephyra", "Orlanda", "Kestrel", "Marivo",
               "Duravel", "Pirelo", "Helvara", "Sundora", "Aventis", "Ravelle", "Corvado"]
LEGIT_GOODS = [("frozen shrimp", "0306.17"), ("office furniture", "9403.30"), ("ceramic tiles", "6907.21"),
               ("bicycle parts", "8714.91"), ("cotton towels", "6302.60"), ("LED lamps", "8539.52"),
               ("canned tuna", "1604.14"), ("garden tools", "8201.90"), ("paper notebooks", "4820.10")]
BANKS = {  # country: list of (fictional bank, SWIFT bank letters)
    "HK": [("Harbour Pacific Bank", "HPBK"), ("Kowloon Merchant Bank", "KMBK")],
    "CN": [("Pearl River Commercial Bank", "PRCB"), ("Zhejiang Trade Bank", "ZJTB")],
    "CA": [("Maple Northern Bank", "MNBK"), ("Banque Laurentienne du Commerce", "BLCM")],
    "US": [("First Coastal Bank", "FCBK"), ("Gulfstream National Bank", "GNBK")],
    "MX": [("Banco Mercantil del Golfo", "BMGO"), ("Banco Altiplano", "BALT")],
    "PA": [("Banco Istmeño", "BIST")], "VG": [("Tortola Trust Bank", "TTBK")],
    "AE": [("Gulf Crescent Bank", "GCBK")], "SG": [("Straits Merchant Bank", "SMBK")],
    "TR": [("Bosphorus Ticaret Bankası", "BOSB")], "CY": [("Limassol Private Bank", "LPBK")],
    "LV": [("Baltic Amber Bank", "BAMB")],
}
VESSELS = ["Orient Harmony", "Golden Phoenix", "Meridian Star", "Pacific Dawn", "Cape Verity",
           "Northern Jade", "Ever Lucent", "Caribe Spirit", "Sea Lantern", "Hanjin Crest",
           "Jade Meridian", "Ocean Tenacity", "Vega Horizon", "Coral Emperor", "Bay of Lions",
           "Atlantic Comet", "Silver Osprey", "Nordhavn Trader"]
# Where nominees, couriers and sellers of a destination country come from (name origins).
ORIGIN_OF = {"CA": ["ca", "fr", "zh", "in", "vi", "ar", "ko"], "US": ["en", "es", "zh", "ko", "in", "br"],
             "MX": ["es", "es", "zh", "ko", "en"]}
