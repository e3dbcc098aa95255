"""Hand-written analyses for the web tests, and a store built from them in-process.

The analyses are written here (not produced by spaCy) so the web tests are fast and know
exactly what each page must show: two outlets telling one border clash in opposite directions
(a contested event) with a main ACLED event, a quoted president, a persuasion technique, an article whose title, outlet
and text carry script payloads, and a few short articles for pagination.
"""

from __future__ import annotations

from presswatch import monitor
from presswatch.records import (
    AcledMain,
    Actor,
    Analysis,
    Document,
    Entity,
    Event,
    EventDate,
    Extent,
    Location,
    Participant,
    Quote,
    SpeakerRef,
    Technique,
    make_span,
)
from presswatch.store import Store

XSS_TITLE = '<script>window.__xss = 1</script>Breaking'
XSS_OUTLET = '<img src=x onerror="window.__xss = 2">'
XSS_MAIN_EVENT = '<script>window.__xss = 5</script>Riots'
XSS_TEXT = ('The statement read <script>window.__xss = 3</script> and '
            '<img src=x onerror="window.__xss = 4"> in full, said the minister.')
ARMENIAN = ("Azerbaijani forces shelled Jermuk on September 13, Armenian Prime Minister Nikol Pashinyan said. "
            '"This is a bloody massacre," Pashinyan told parliament.')
AZERBAIJANI = ('"Armenian units attacked our positions near Kalbajar on September 13," President Ilham Aliyev said.')
EXTRA_ARTICLES = 6


def span(text: str, piece: str, after: int = 0):
    start = text.index(piece, after)
    return make_span(text, start, start + len(piece))


def armenian_analysis() -> Analysis:
    text = ARMENIAN
    document = Document.from_text(text, title="Azerbaijan shells Jermuk", outlet="Yerevan Courier",
                                  published="2022-09-13", url="https://courier.example/jermuk")
    pashinyan = Entity("e1", "Nikol Pashinyan", "PERSON", Actor("ARM", "GOV", "Prime Minister"),
                       (span(text, "Armenian Prime Minister Nikol Pashinyan"), span(text, "Pashinyan", 110)))
    azerbaijan = Entity("e2", "Azerbaijani forces", "NORP", Actor("AZE", "MIL", None), (span(text, "Azerbaijani forces"),))
    quote = Quote("q1", "direct", span(text, "This is a bloody massacre,"), span(text, "told"),
                  SpeakerRef("e1", text.index("Pashinyan", 110), text.index("Pashinyan", 110) + 9, "Pashinyan"))
    event = Event("v1", "ASSAULT", span(text, "shelled"), Extent(0, text.index(".") + 1), status="asserted",
                  cameo="195", goldstein=-10.0, quad_class=4,
                  source=Participant("e2", "AZE", "MIL", "Azerbaijani forces"),
                  target=Participant(None, "ARM", None, "Jermuk"),
                  date=EventDate("2022-09-13", "day", "on September 13"),
                  location=Location("Jermuk", "ARM", lat=39.84, lon=45.67))
    technique = Technique("Loaded_Language", *_offsets(text, "bloody massacre"), "bloody massacre", 0.8)
    main = AcledMain("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.81, ("v1",))
    return Analysis(document, (Extent(0, len(text)),), (pashinyan, azerbaijan), (quote,), (event,), (technique,),
                    acled_main=main)


def azerbaijani_analysis() -> Analysis:
    text = AZERBAIJANI
    document = Document.from_text(text, title="Armenia attacks near Kalbajar", outlet="Caspian Herald",
                                  published="2022-09-13")
    aliyev = Entity("e1", "Ilham Aliyev", "PERSON", Actor("AZE", "GOV", "President"),
                    (span(text, "President Ilham Aliyev"),))
    quote = Quote("q1", "direct", span(text, "Armenian units attacked our positions near Kalbajar on September 13,"),
                  span(text, "said"), SpeakerRef("e1", *_offsets(text, "President Ilham Aliyev"), "President Ilham Aliyev"))
    event = Event("v1", "ASSAULT", span(text, "attacked"), Extent(0, len(text)), status="attributed",
                  cameo="195", goldstein=-10.0, quad_class=4, attributed_to="q1",
                  source=Participant(None, "ARM", "MIL", "Armenian units"),
                  target=Participant(None, "AZE", "MIL", "our positions"),
                  date=EventDate("2022-09-13", "day", "on September 13"),
                  location=Location("Kalbajar", "AZE", lat=40.1, lon=46.04))
    return Analysis(document, (Extent(0, len(text)),), (aliyev,), (quote,), (event,))


def xss_analysis() -> Analysis:
    text = XSS_TEXT
    document = Document.from_text(text, title=XSS_TITLE, outlet=XSS_OUTLET, published="2022-09-14",
                                  url="javascript:alert(1)")
    minister = Entity("e1", '<b onmouseover="x()">Minister</b>', "PERSON", Actor("KGZ", "GOV", None),
                      (span(text, "the minister"),))
    quote = Quote("q1", "indirect", span(text, '<script>window.__xss = 3</script>'), span(text, "said"),
                  SpeakerRef("e1", *_offsets(text, "the minister"), "the minister"))
    event = Event("v1", "PROTEST", span(text, '<img src=x onerror="window.__xss = 4">'), Extent(0, len(text)),
                  status="asserted", quad_class=3, source=Participant(None, "KGZ", None, "x"),
                  date=EventDate("2022-09-14", "day"))
    return Analysis(document, (Extent(0, len(text)),), (minister,), (quote,), (event,),
                    acled_main=AcledMain(XSS_MAIN_EVENT, "Violent demonstration", 0.5, ("v1",)))


def extra_analyses() -> list[Analysis]:
    found = []
    for number in range(EXTRA_ARTICLES):
        text = f"Officials in Minsk met on day {number}, Alexander Lukashenko said."
        document = Document.from_text(text, title=f"Minsk meeting {number}", outlet="Minsk Dispatch",
                                      published=f"2020-08-{10 + number:02d}")
        lukashenko = Entity("e1", "Alexander Lukashenko", "PERSON", Actor("BLR", "GOV", "President"),
                            (span(text, "Alexander Lukashenko"),))
        quote = Quote("q1", "indirect", span(text, f"Officials in Minsk met on day {number}"), span(text, "said"),
                      SpeakerRef("e1", *_offsets(text, "Alexander Lukashenko"), "Alexander Lukashenko"))
        event = Event("v1", "CONSULT", span(text, "met"), Extent(0, len(text)), cameo="040", goldstein=1.0,
                      quad_class=1, source=Participant(None, "BLR", "GOV", "Officials"),
                      date=EventDate(f"2020-08-{10 + number:02d}", "day"))
        found.append(Analysis(document, (Extent(0, len(text)),), (lukashenko,), (quote,), (event,)))
    return found


def _offsets(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def all_analyses() -> list[Analysis]:
    return [armenian_analysis(), azerbaijani_analysis(), xss_analysis(), *extra_analyses()]


def build_store(path) -> None:
    with Store(path) as store:
        store.write_batch(all_analyses(), [], None)
        monitor.refresh(store)


class FakeAnalyzer:
    """Stands in for the spaCy pipeline: finds one Loaded_Language span when 'bloody' occurs."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, document: Document) -> Analysis:
        self.calls += 1
        techniques = ()
        if "bloody" in document.text:
            start = document.text.index("bloody")
            techniques = (Technique("Loaded_Language", start, start + 6, "bloody", 0.5),)
        return Analysis(document, (Extent(0, len(document.text)),), techniques=techniques)
