"""Reading and the speech model: ``reader`` (files of any common encoding →
lines), ``speech`` (lines → blocks: title, salutation, headings…), ``slots``
(masks ↔ named slots)."""
