-- Northern Sami's đ, ŋ and ŧ fold to d, n and t in a name's search words (SearchWords.fold), as
-- á, č, š and ž did already: an adviser without a Sami keyboard types "porsangu" for "Porsáŋgu
-- Guolli AS" (a text review found nothing). Names stored before this keep their words and gain
-- the folded ones (a query is folded, so it looks for those); a rename or the register's next
-- import writes SearchWords' form.
update agreement
   set search_words = search_words || ' ' || translate(search_words, 'đŋŧ', 'dnt')
 where search_words ~ '[đŋŧ]';

update enterprise
   set search_words = search_words || ' ' || translate(search_words, 'đŋŧ', 'dnt')
 where search_words ~ '[đŋŧ]';
