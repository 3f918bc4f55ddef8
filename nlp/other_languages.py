"""Warning-sign words in the languages patients and carers mix into their English.

Patients write in English with words of their first language in it ("papa ke pair
sunn ho gaye", "mi papá está tosiendo sangre", "manhid po yung paa niya"), and carers
translate for a parent. The patterns of nlp/patterns/other_languages.jsonl read the
signs from these lists (`$NAME` items, like nlp/build_pipeline.py's own word lists).

Coverage: Spanish, Portuguese, French, Italian, Hindi/Urdu/Punjabi (romanised as
typed), Tagalog, Polish, Vietnamese (with and without tone marks), Russian (Cyrillic),
Arabic and Farsi (romanised), Somali, and Jamaican/Caribbean Creole. Each word is the
common, unambiguous one; words that are also English ("sot", "pies", "hang", "tab",
"chat") or everyday function words of another language listed here ("di", "ne",
"na") are left out, or kept only inside a longer pattern, because a false alarm in
a message in English is a defect too. Tone-less Vietnamese forms appear only inside
multi-word patterns for the same reason.

No maintained multilingual lexicon of lay symptom words exists on the package
registry (UMLS needs a licence and has clinical, not lay, terms), so the lists are
our own; each is reviewed by sign, not by message.
"""
from typing import Dict, List

WORDS: Dict[str, List[str]] = {
    # --- negation: a wildcard inside a pattern must never be one of these, or the
    # span would hold its own negation and escape the denial ("tos sin sangre").
    "NEG_XL": [
        "no", "not", "n't", "nt", "never", "without", "sin", "ni", "nada", "ningún", "ningun", "ninguna",
        "nunca", "tampoco", "não", "nao", "sem", "nenhum", "nenhuma", "pas", "sans", "aucun", "aucune",
        "jamais", "non", "senza", "nahi", "nahin", "nhi", "nahee", "nai", "hindi", "wala", "walang",
        "nie", "bez", "brak", "không", "khong", "chưa", "chua", "не", "нет", "без", "nadaram", "nist",
        "ma", "mish", "mafi", "mafish",
    ],
    # --- numbness and tingling (nerve_symptoms) ----------------------------------
    "NUMB_XL": [
        # Spanish
        "entumecido", "entumecida", "entumecidos", "entumecidas", "entumecimiento", "entumido", "entumida",
        "entumidos", "entumidas", "adormecido", "adormecida", "adormecidos", "adormecidas", "adormecimiento",
        "hormigueo", "hormigueos", "cosquilleo", "cosquilleos",
        # Portuguese
        "dormência", "dormencia", "dormente", "dormentes", "formigamento", "formigando", "formigamentos",
        # French, Italian
        "engourdi", "engourdie", "engourdis", "engourdies", "engourdissement", "engourdissements",
        "fourmillement", "fourmillements", "picotement", "picotements", "intorpidito", "intorpidita",
        "intorpidimento", "formicolio", "formicolii",
        # Hindi / Urdu / Punjabi
        "sunn", "sunnpan", "jhunjhuni", "jhunjhunahat", "jhunjhunaahat", "jhanjhanahat",
        "jhanjhanaahat", "jhanjhnahat", "jhunjhuniyan", "jhunjhunee", "sunapan",
        # Tagalog
        "manhid", "namamanhid", "namanhid", "pamamanhid", "minamanhid",
        "nangingimay", "ngimay",
        # Polish
        "drętwienie", "dretwienie", "zdrętwiała", "zdretwiala", "zdrętwiały", "zdretwialy", "zdrętwiałe",
        "zdretwiale", "drętwieją", "dretwieja", "drętwieje", "dretwieje", "mrowienie", "mrowi", "mrowią",
        # Vietnamese (with tone marks; without them only in patterns), Russian
        "tê", "онемение", "немеет", "немеют", "онемела", "онемели", "онемел", "покалывание",
        "мурашки",
        # Arabic, Farsi, Somali (romanised)
        "tanmeel", "tanmil", "tanmeil", "khadar", "mkhadar", "mitkhader", "bihesi", "sozan-sozan", "kabuubyo",
        "kabuub",
    ],
    # --- weakness (nerve_symptoms; with "suddenly" or "can't stand", the emergency) ---
    "WEAK_XL": [
        "débil", "debil", "débiles", "debiles", "debilidad", "flojas", "flojos", "fraca", "fracas", "fraqueza",
        "faible", "faibles", "faiblesse", "debole", "deboli", "debolezza", "kamzor", "kamzori", "kamjor",
        "kamjori", "kamzoree", "kamzory", "mahina", "humihina", "nanghihina", "nanlalambot", "lambot",
        "słabe", "slabe", "słabość", "slabosc", "słabną", "slabna", "yếu", "слабые", "слабость", "ослабли",
        "daciif", "za'if", "zaeef", "daeef",
    ],
    # legs, feet and knees, in English too ("my legs mein kamzori")
    "LEG_XL": [
        "leg", "legs", "foot", "feet", "knee", "knees", "thigh", "thighs", "toes",
        "pierna", "piernas", "pie", "rodilla", "rodillas", "muslo", "muslos", "perna", "pernas", "pé", "pés",
        "joelho", "joelhos", "jambe", "jambes", "pied", "pieds", "genou", "genoux", "gamba", "gambe",
        "piede", "piedi", "pair", "pairon", "pairo", "paer", "pao", "paon", "taang", "taangein", "taangon",
        "tange", "lattan", "ghutne", "ghutna", "binti", "paa", "hita", "tuhod", "noga", "nogi", "nogach",
        "nogę", "noge", "kolano", "kolana", "chân", "ноги", "нога", "ногу", "ногах", "колени", "lug", "lugaha",
        "rijl", "rijlayn", "rijli", "rejl", "zanu",
    ],
    # the same as body parts, without English words and those that are also English ("pair", "pie", "lug")
    "LEG_PART_XL": [
        "pierna", "piernas", "rodilla", "rodillas", "muslo", "muslos", "perna", "pernas", "pé", "pés",
        "joelho", "joelhos", "jambe", "jambes", "pied", "pieds", "genou", "genoux", "gamba", "gambe", "piede",
        "piedi", "pairon", "pairo", "paer", "paon", "taang", "taangein", "taangon", "tange", "ghutne",
        "ghutna", "binti", "paa", "hita", "tuhod", "noga", "nogi", "nogach", "nogę", "noge", "kolano",
        "kolana", "chân", "ноги", "нога", "ногу", "ногах", "колени", "lugaha", "rijl", "rijlayn", "rijli",
        "rejl", "zanu",
    ],
    # --- where one sits (saddle numbness) ---------------------------------------
    "SADDLE_XL": [
        "nalgas", "nalga", "glúteos", "gluteos", "entrepierna", "genitales", "pompis", "pompas", "trasero",
        "ingle", "nádegas", "nadegas", "bunda", "virilha", "genitais", "fesses", "fesse",
        "entrejambe", "aine", "périnée", "perinee", "glutei", "sedere", "inguine", "chootad", "chutad",
        "choothad", "kulhon", "guptaang", "gupt-ang", "pwet", "puwit", "puwet", "singit", "pośladki",
        "posladki", "pachwina", "pachwiny", "krocze", "mông", "háng", "ягодицы", "пах", "промежность",
    ],
    # "the inside of the thighs", "between the legs" in other languages: the inside words
    "INSIDE_XL": ["andar", "andarooni", "andaruni", "andar-wali", "dentro", "interna", "internas", "interior",
                  "intérieur", "interieur", "loob", "wewnętrzna", "wewnetrzna"],
    # "between": "entre las piernas", "pagitan ng hita", "dono pairon ke beech"
    "BETWEEN_XL": ["entre", "beech", "bich", "pagitan", "między", "miedzy", "giữa", "между"],
    # --- chest and its pain or pressure (chest_pain) ----------------------------
    "CHEST_XL": [
        "pecho", "peito", "poitrine", "petto", "torace", "seena", "seene", "seenay", "seeney",
        "chhati", "chhaati", "chati", "chaati", "chhatti", "dibdib", "klatce", "klatka", "klatki", "piersi",
        "mostku", "ngực", "sadr", "sadri", "sadir", "sidr", "груди", "грудь", "грудью", "laabta", "laab",
        "sineh", "sinam", "sinah",
    ],
    "CHEST_PAIN_XL": [
        "dolor", "dolores", "duele", "dolía", "dolia", "doliendo", "dor", "dores", "dói", "doi", "doendo",
        "douleur", "douleurs", "mal", "dolore", "dard", "dukh", "dukhta", "dukhti", "dukhna", "peeda", "pida",
        "masakit", "sumasakit", "sakit", "kirot", "ból", "bol", "boli", "đau", "wajaa", "waja3", "wajaa3",
        "боль", "болит", "болело", "xanuun", "xanuunsan", "xanuunaya",
        # pressure, heaviness, tightness
        "opresión", "opresion", "presión", "presion", "apretado", "apretada", "apretón", "peso", "aperto",
        "apertado", "pressão", "pressao", "serrement", "oppression", "serré", "serrée", "bhaari", "bhari",
        "bhaaripan", "bojh", "jakdan", "jakdahat", "dabav", "dabaav", "dabaw", "sikip",
        "naninikip", "paninikip", "nanikip", "pinipiga", "ucisk", "ściska", "sciska", "ciężar", "ciezar",
        "ciśnienie", "tức", "давит", "давление", "тяжесть", "сжимает", "cadaadis", "feshar", "tangi",
    ],
    # pain words of English, for a foreign chest ("dibdib pain"), and the English chest
    "CHEST_EN": ["chest", "chests"],
    "PAIN_EN": ["pain", "pains", "ache", "aching", "hurts", "hurting", "pressure", "tight", "tightness",
                "heavy", "heaviness", "squeezing", "crushing"],
    # --- breathing (shortness_of_breath) ----------------------------------------
    "BREATH_XL": ["saans", "saas", "sans", "saansein", "saanse", "swas", "shwas", "saah", "sah"],
    "BREATH_TROUBLE_XL": ["phool", "phul", "fool", "phoolti", "phoolna", "phoolne",
                          "ruk", "rukti", "rukna", "takleef", "taklif", "taqleef", "dikkat", "pareshani",
                          "chadh", "chadhti", "chadhna", "chadhne", "ukhad", "ukhadti", "bhaari", "tang"],
    "BREATHLESS_XL": [
        "ahogo", "ahogos", "ahogando", "ahogada", "ahogado", "ahoga", "asfixia", "asfixiando", "sofoco",
        "ofegante", "sufocado", "sufocada", "sufocando", "essoufflé", "essoufflée", "essouffle",
        "essoufflee", "essoufflement", "affanno", "dispnea", "disnea", "hinihingal", "hingal", "hinahapo",
        "hinihika", "duszność", "dusznosc", "duszności", "dusznosci", "одышка", "задыхаюсь", "задыхается",
        "задыхалась", "neeftuur", "neefsashada",
    ],
    # --- cough and blood (coughing_blood) ---------------------------------------
    "COUGH_XL": [
        "tos", "tose", "toser", "tosiendo", "toso", "tosió", "tosio", "tosse", "tossindo", "tossir", "tossiu",
        "tousse", "toux", "tousser", "toussé", "tossire", "khaansi", "khansi", "khasi", "khaasi", "khaansee",
        "khaans", "khaanste", "khaanstey", "balgam", "ubo", "umuubo", "inuubo", "naubo", "umubo", "plema",
        "kaszel", "kaszle", "kaszlę", "kaszlu", "flegma", "flema", "flemas", "esputo", "esputos", "escupe",
        "escupiendo", "escupió", "escupio", "crache", "crachat", "crachats", "cracher", "expectora",
        "кашель", "кашляет", "кашляю", "мокрота", "мокроте", "qufac", "qufacaya", "sorfeh", "sorfe",
    ],
    "BLOOD_XL": [
        "sangre", "sangrado", "sanguinolento", "sangue", "sanglant", "khoon", "khun", "khoon-wala",
        "dugo", "duguan", "krew", "krwią", "krwia", "krwi", "máu", "кровь", "кровью", "крови", "dhiig",
        "damm",
    ],
    # --- urinating and the bowels (bladder_bowel_control) -----------------------
    "PEE_XL": ["orinar", "orinado", "orina", "orinando", "mear", "meado", "pipí", "pipi", "pis", "chis",
               "urinar", "xixi", "mijar", "uriner", "pisser", "urinare", "peshab", "peshaab", "pishab", "pisab",
               "pesab", "peshap", "mutra", "mutr", "susu", "soosoo", "ihi", "umihi", "makaihi", "sikać",
               "sikac", "moczu", "mocz", "tiểu", "tieu", "mochit'sya", "помочиться", "пописать", "kaadi",
               "kaajin", "edrar", "edraar", "tabawwul"],
    "CAN_XL": ["puede", "puedo", "pudo", "podía", "podia", "pueden", "podido", "logra", "logro", "consigue",
               "consigo", "conseguiu", "consegue", "consegui", "conseguimos", "pode", "posso", "peut", "peux", "pouvait", "arrive", "arrivait",
               "może", "moze", "mogę", "moge", "mógł", "mogl", "mogła", "mogla", "может", "могу", "могла",
               "мог", "ha", "he", "hemos", "han"],
    # "in her clothes", "in the bed" (wetting oneself)
    "WET_XL": ["ropa", "cama", "pantalón", "pantalon", "pantalones", "pañal", "panal", "roupa", "calça",
               "calças", "calca", "fralda", "lit", "vêtements", "kapde", "kapdon", "kapdo", "kapdey", "bistar",
               "bistre", "salawal", "kama", "higaan", "diaper", "spodnie", "łóżko", "lozko",
               "quần", "quan", "kịch"],
    # --- standing, walking, getting up (sudden_weakness) ------------------------
    "STAND_XL": ["caminar", "andar", "pararse", "levantarse", "levantar", "moverse", "sostenerse",
                 "pisar", "caminhar", "levantar-se", "mexer", "marcher", "lever", "debout", "bouger",
                 "camminare", "alzarsi", "chodzić", "chodzic", "wstać", "wstac", "ustać", "ustac", "ходить",
                 "встать", "стоять", "идти", "подняться"],
    # Hindi/Urdu: "khade nahi ho pa rahe", "chal nahi pa rahi", "uth nahi sakte"
    "STAND_HI": ["khade", "khada", "khadi", "khari", "khare", "khaday", "uth", "utth", "chal", "chalna",
                 "chalne", "chala", "chali", "chalte", "chalti"],
    "NOT_HI": ["nahi", "nahin", "nhi", "nahee", "nai", "nahi."],
    # Tagalog: "hindi makatayo", "di makalakad"
    "STAND_TL": ["makatayo", "makalakad", "makabangon", "makagalaw", "tumayo", "lumakad", "maglakad",
                 "bumangon", "makatindig"],
    "NOT_TL": ["hindi", "di", "'di", "hnd", "hndi"],
    # Creole "cyaan" = can't: "she cyaan stand pon dem", "him cyaan walk"
    "CANT_CREOLE": ["cyaan", "kyaan", "cyan", "caan", "cyaa", "kyaa"],
    # --- getting worse, spreading, bent (pain_worse, pain_spreading, posture_change) ---
    "PAINWORD_XL": ["dolor", "duele", "dor", "dói", "doi", "douleur", "douleurs", "dolore", "dard", "dukh",
                    "peeda", "pida", "dardd", "sakit", "masakit", "kirot", "ból", "bol", "boli", "đau", "dau",
                    "боль", "болит", "xanuun", "waja3", "wajaa"],
    "WORSE_XL": ["volvió", "volvio", "regresó", "regreso", "vuelto", "regresado", "empeoró", "empeoro",
                 "empeorado", "empeorando", "aumentó", "aumentado", "peor", "voltou", "piorou", "piorando",
                 "pior", "aumentou", "revenue", "revenu", "revient", "empire", "pire", "aggrave", "aggravé",
                 "wapas", "waapas", "vapas", "vaapas", "badh", "barh", "badha", "badhta", "badhti", "badhne",
                 "zyada", "jyada", "zyaada", "ziada", "bumalik", "bumabalik", "lumala",
                 "lumalala", "tumindi", "tumitindi", "lumubha", "wrócił", "wrocil", "nasilił", "nasilil",
                 "nasila", "bardziej", "gorzej", "lại", "lai", "вернулась", "сильнее", "усилилась", "хуже", "bishtar"],
    # the same, said before the pain: "volvió el dolor", "bumalik ang sakit"
    "WORSE_BEFORE_XL": ["volvió", "volvio", "regresó", "regreso", "vuelto", "regresado", "empeoró", "empeoro",
                        "aumentó", "voltou", "piorou", "aumentou", "revient", "bumalik", "bumabalik", "lumala",
                        "lumalala", "tumindi", "tumitindi", "wrócił", "wrocil", "вернулась"],
    "SPREAD_XL": ["baja", "bajando", "bajó", "corre", "corriendo", "irradia", "irradiando", "extiende",
                  "extendiendo", "extendió", "llega", "llegando", "desce", "descendo", "espalha", "espalhando",
                  "espalhou", "descend", "irradie", "propage", "irradiato", "phel",
                  "phailta", "phailti", "phail", "failta", "faili", "utar", "utarta", "utarti", "lumilipat",
                  "lumipat", "kumakalat", "kumalat", "gumagapang", "bumababa", "umaabot", "umabot",
                  "promieniuje", "schodzi", "rozchodzi", "lan", "отдаёт", "отдает", "переходит", "спускается",
                  "распространяется", "faafay", "fidday"],
    "PLACE_XL": ["leg", "legs", "thigh", "thighs", "calf", "knee", "knees", "foot", "feet", "ankle", "toes",
                 "buttock", "buttocks", "bum", "hip", "hips", "groin", "ribs", "rib", "side", "sides",
                 "pierna", "piernas", "nalga", "nalgas", "glúteo", "gluteo", "costillas", "costilla", "cadera",
                 "caderas", "rodilla", "tobillo", "pie", "muslo", "muslos", "perna", "pernas", "costelas",
                 "nádegas", "nadegas", "quadril", "joelho", "jambe", "jambes", "fesse", "fesses", "côtes",
                 "cotes", "hanche", "genou", "pair", "pairon", "pairo", "taang", "taangon", "pasli",
                 "pasliyon", "pasliyan", "kulha", "kulhe", "ghutne", "binti", "hita", "paa", "tadyang",
                 "balakang", "puwit", "pwet", "tuhod", "noga", "nogi", "nogę", "żebra", "biodro", "kolano",
                 "chân", "mông", "hông", "ноги", "ногу", "нога", "рёбра", "ребра", "ягодицу", "бедро"],
    "BENT_XL": ["encorvado", "encorvada", "encorvándose", "encorvarse", "jorobado", "jorobada", "joroba",
                "jorobita", "corcunda", "curvado", "curvada", "encurvado", "encurvada", "voûté", "voûtée",
                "voute", "voutee", "bossu", "bossue", "courbé", "courbée", "gobbo", "gobba", "ingobbito",
                "kubad", "kubda", "kubdi", "kubar", "koobad", "kubb", "kuba", "nakukuba", "kumukuba",
                "nakayuko", "zgarbiony", "zgarbiona", "garbi", "gù", "còng", "сутулится",
                "сгорбился", "сгорбилась", "горб", "qalloocan", "gooz", "quz", "ahdab"],
    # --- fever and chills (infection_signs) --------------------------------------
    "FEVER_XL": ["fiebre", "calentura", "febril", "escalofríos", "escalofrios", "escalofrío", "escalofrio",
                 "tiritando", "supura", "supurando", "febre", "calafrios", "calafrio", "fièvre", "fievre",
                 "frissons", "febbre", "brividi", "bukhar", "bukhaar", "bukhār", "bukhaar.", "taap", "jwar",
                 "jvar", "lagnat", "nilalagnat", "nilagnat", "sinat", "sinisinat", "nanginginig", "giniginaw",
                 "ginaw", "gorączka", "goraczka", "gorączkę", "goraczke", "gorączki", "goraczki", "dreszcze",
                 "sốt", "ớn", "жар", "озноб", "лихорадка", "температурит", "sukhuna", "skhouna", "skhuna",
                 "harara", "humma", "homma", "qandho", "qadhqadhyo", "kapkapi", "kapkapee"],
    # "she is bent / walks bent": Hindi "jhuk ke chalte hain"
    "JHUK": ["jhuk", "jhukke", "jhuke", "jhukkar", "jhukkr", "jhukne"],
    "HI_AFTER_JHUK": ["ke", "kar", "hue", "huye", "gaye", "gayi", "gaya", "gae", "chalte", "chalti", "chalne",
                      "rehte", "rehti"],
}

# Word stems inside a mention's text that make it numbness or weakness for the
# refinements of nlp/assertion.py (numbness next to the saddle area, sudden weakness).
NUMB_STEMS = ("entum", "adormec", "hormig", "cosquill", "dormên", "dormen", "formig", "engourd", "fourmi",
              "picot", "intorpid", "sunn", "jhunjh", "jhanjh", "manhid", "ngalay", "ngimay", "drętw", "dretw",
              "mrow", "tê", "онем", "немее", "немею", "покалыв", "мураш", "tanm", "khadar", "bihesi",
              "kabuub", "sozan")
WEAK_STEMS = ("débil", "debil", "floj", "fraca", "fraqu", "faibl", "debol", "kamzor", "kamjor", "mahina",
              "hina", "lambot", "słab", "slab", "yếu", "слаб", "daciif", "za'if", "zaeef", "daeef", "fuerza",
              "força", "forca")
# "suddenly" in the same languages (nlp/assertion.py SUDDEN_WORDS)
SUDDEN_XL = {"repente", "derepente", "súbitamente", "subitamente", "soudain", "soudainement", "subitement",
             "improvvisamente", "achanak", "achaanak", "ekdum", "bigla", "biglang", "nagle", "вдруг",
             "внезапно", "ناگهان", "nagahan", "fajatan", "fajat", "kadis"}
