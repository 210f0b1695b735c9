"""Read pages aloud: text extraction, sentence timing and eSpeak NG speech, without MkDocs."""
