"""The shared paragraph notion of the quotes and places stages (presswatch/paragraphs.py)."""

from presswatch.paragraphs import paragraph_end, paragraph_ends, paragraph_index, paragraph_start

TEXT = "Heading line\nFirst paragraph here.\n\nSecond one, after a blank line.\n  \nThird."


def test_each_line_break_run_ends_one_paragraph():
    ends = paragraph_ends(TEXT)
    assert [TEXT[end:end + 1] for end in ends[:-1]] == ["\n", "\n", "\n"]
    assert ends[-1] == len(TEXT)
    assert len(ends) == 4  # a blank line or a line of spaces between two paragraphs is one break


def test_offsets_map_to_their_paragraph():
    ends = paragraph_ends(TEXT)
    numbers = [paragraph_index(ends, TEXT.index(word)) for word in ("Heading", "First", "here", "Second", "Third")]
    assert numbers == [0, 1, 1, 2, 3]


def test_paragraph_bounds():
    ends = paragraph_ends(TEXT)
    inside = TEXT.index("after")
    assert TEXT[paragraph_start(TEXT, ends, inside):paragraph_end(ends, inside)] == "Second one, after a blank line."
    assert paragraph_start(TEXT, ends, 3) == 0
    assert paragraph_end(ends, TEXT.index("Third")) == len(TEXT)


def test_text_without_line_breaks_is_one_paragraph():
    ends = paragraph_ends("One line only.")
    assert ends == [len("One line only.")]
    assert paragraph_index(ends, 5) == 0
