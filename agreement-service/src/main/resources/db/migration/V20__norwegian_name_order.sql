-- Names in Norwegian alphabetical order (the working list's sort=name): letters before their case,
-- and Æ, Ø, Å after Z in that order. The database's own collation (C, or the server's) compares
-- character codes: every capital before every small letter, and Å before Æ before Ø.
create collation if not exists norwegian (provider = icu, locale = 'nb-NO');
