-- Names pasted with no-break or other Unicode spaces around them kept them (String.strip leaves
-- them; FreeText.strip takes them since): "\u00a0Kantmellomrom AS" sorted before every other
-- name. The agreements' and campaigns' names stored so lose them here; their search words hold no
-- spaces and stay.
update agreement
   set name = regexp_replace(name,
         '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$',
         '', 'g')
 where name ~ '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]$'
   and name ~ '[^[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]';

-- The history's versions take the same names (a re-check read one version under two names).
update agreement_change
   set name = regexp_replace(name,
         '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$',
         '', 'g')
 where name ~ '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]$'
   and name ~ '[^[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]';

update resigning_campaign
   set name = regexp_replace(name,
         '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$',
         '', 'g')
 where name ~ '^[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|[[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]$'
   and name ~ '[^[:space:]\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]';

-- More letters fold in the search words (SearchWords.fold): ð (typed for đ), Skolt and Inari
-- Sami's ǥ, ǧ, ʒ and ǯ, Polish ł. Names stored before gain the folded words, as in V29.
update agreement
   set search_words = search_words || ' ' || translate(search_words, 'ðǥǧʒǯł', 'dggzzl')
 where search_words ~ '[ðǥǧʒǯł]';

update enterprise
   set search_words = search_words || ' ' || translate(search_words, 'ðǥǧʒǯł', 'dggzzl')
 where search_words ~ '[ðǥǧʒǯł]';
