"""No-trace browsing: no referrer and no browser storage."""
