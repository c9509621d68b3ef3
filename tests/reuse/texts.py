# ruff: noqa: E501  (one paragraph per line, as in the stored articles)
"""Texts written for the reuse tests (fictional events, fictional agency "CPA")."""

WIRE = """Flood barrier gives way on the River Avon

BRISTOL, England (CPA) — A temporary flood barrier on the River Avon gave way early on Tuesday, sending water into more than 40 homes in the Totterdown area, the city council said.

Firefighters used boats to reach residents on Clift Road after the river rose almost a metre in two hours. No injuries were reported, but an elderly couple was treated for the cold at Bristol Royal Infirmary.

“The barrier was designed for a lower peak than the one we saw overnight,” council engineer Priya Lakhani told reporters at the scene. She said crews would rebuild the section with steel panels by Thursday.

The Environment Agency kept a severe flood warning in place for the lower Avon and urged drivers to avoid the Cumberland Basin, where two roads were closed. Rail services between Bristol Temple Meads and Bath were suspended for most of the morning.

Residents have criticised the council for relying on temporary defences since the old embankment was demolished last year.
"""

INTRO = """Totterdown wakes up under water

Neighbours on Clift Road spent the night moving sofas upstairs and carrying children to dry ground, as our reporter found when she arrived at dawn. Here is the latest on what happened.

"""

TRAILER = """

The Gazette will publish a full list of rest centres and sandbag collection points on its website this afternoon. Readers with photographs of the flooding can send them to our newsdesk.
"""

OUTLET = INTRO + WIRE.split("\n\n", 1)[1].rstrip("\n") + TRAILER

EDITED = """Barrier collapses on the River Avon

A temporary flood barrier on the River Avon collapsed early on Tuesday, sending water into over 40 homes in the Totterdown area, the city council said.

Firefighters used boats to reach residents on Clift Road after the river rose nearly a metre in two hours. No injuries were reported, but an elderly couple was treated for the cold at Bristol Royal Infirmary.
"""

UNRELATED = """Totterdown counts the cost after the Avon bursts its banks

Shopkeepers along Wells Road were sweeping mud from their doorways on Wednesday after a night in which the Avon spilled over a makeshift wall and flooded dozens of houses.

Councillor Tom Ashby blamed the decision to pull down the old embankment and promised a public meeting next week. Engineers expect to install a sturdier replacement before the weekend.

Trains to Bath were delayed and several roads near the Cumberland Basin stayed shut while the water drained away.
"""

# Two articles that share one nine-word run of narrative text and nothing else.
NINE_WORDS_A = """Harbour fees rise again

The port authority confirmed that new charges would apply from the first of May. Fishing crews say the increase will push several small boats out of business within a year.
"""

NINE_WORDS_B = """Fishermen protest at the quay

Dozens of skippers gathered at the harbour wall on Friday morning. The new charges would apply from the first of May, officials repeated, and no exemption is planned for family boats.
"""

# The opening of WIRE reworded: other verbs, prepositions and inflections, same facts.
PARAPHRASE = """Barrier gives way on the Avon

A makeshift flood wall on the River Avon failed in the early hours of Tuesday, sending water into over 40 houses across the Totterdown district, according to the city council.

Firefighters employed boats to get to residents of Clift Road once the river had risen nearly a metre within two hours. There were no reported injuries, though an elderly couple received treatment for the cold at the Bristol Royal Infirmary.
"""
