"""Passages written for the corpus tests (no corpus text), shared by its test modules."""

from __future__ import annotations

ARTICLE = (
    "Engineers restored power to the northern district on Monday, the utility said.\n\n"
    "Crews worked through the night to repair two substations damaged by the storm."
)


SECOND = "The council approved a budget for new schools. Construction starts in spring."


HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Power restored in the north</title>
<meta property="og:site_name" content="Example Herald"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Power restored in the north</h1>
<p>{ARTICLE.split(chr(10) * 2)[0]}</p><p>{ARTICLE.split(chr(10) * 2)[1]}</p>
<p>Residents said the outage had lasted almost four days and that heating had failed in
several apartment blocks during the coldest week of the year.</p></article>
<footer>Copyright Example Herald. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


FRENCH = "Le maire a déclaré que la reconstruction du théâtre coûterait « cher » à la ville."


ENGLISH_CP1252 = "The minister said “we will rebuild” – at a cost of €12 million… by 2025."


POLISH = "Minister powiedział, że odbudowa mostu w Łodzi zajmie dwa lata. Prace ruszą w maju."


RUSSIAN = "Министр сказал, что мост восстановят в апреле, а школу к осени."


GREEK = "Ο υπουργός είπε ότι η γέφυρα θα ξαναχτιστεί μέσα σε δύο χρόνια."
