"""The live preview of the minutes: the same blocks as the DOCX, drawn in a text document."""
