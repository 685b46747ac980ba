-- An agreement's search words hold each word's collapsed form too (SearchWords.listed: ae, oe, aa
-- made a, o, a, in that order), so the working lists' q is one plain prefix match: the collapse
-- written into the query (V23's release) made its parse take seconds and a small service's heap.
-- Here every word's collapsed form is added when any differs (the same matches: a word that does
-- not change is there twice); a later edit writes SearchWords.listed's form.
update agreement
   set search_words = search_words || ' '
       || replace(replace(replace(search_words, 'aa', 'a'), 'oe', 'o'), 'ae', 'a')
 where search_words <> replace(replace(replace(search_words, 'aa', 'a'), 'oe', 'o'), 'ae', 'a');
