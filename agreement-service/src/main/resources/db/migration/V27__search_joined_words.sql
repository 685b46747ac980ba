-- A name's words split by punctuation without a space are searched joined too (SearchWords.joined):
-- "sjomat" finds "Sjø-Mat AS", "ohara" "O'Hara Bygg" (an adviser review found neither). New and
-- renamed names are indexed so from Java; here the names already stored gain the joined words, for
-- the register copy (enterprise: its search column is computed from search_words, with the collapsed
-- forms and prefixes, V23) and the agreements (their working lists' q: each word and its collapsed
-- form, V26). Only a group written in a-z, 0-9, æ, ø, å and punctuation is joined here, folded as
-- SearchWords folds it; a group with another letter (é, ü) waits for the register's next import
-- (it rewrites a row whose search words differ) or the agreement's next rename.
create function pg_temp.joined_words(name text) returns text[]
  language sql immutable as $$
  select coalesce(array_agg(word order by n), '{}')
    from (select distinct on (word) word, n
            from (select n,
                         replace(replace(replace(replace(replace(replace(
                           regexp_replace(lower(part), '[^a-z0-9æøåÆØÅ]', '', 'g'),
                           'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa')
                           as word
                    from regexp_split_to_table(name, '\s+') with ordinality as t(part, n)
                   where lower(part) ~ '^[a-z0-9æøåÆØÅ[:punct:]’]+$'
                     and lower(part) ~ '[a-z0-9æøåÆØÅ][^a-z0-9æøåÆØÅ]+[a-z0-9æøåÆØÅ]') groups
           order by word, n) firsts
$$;

update enterprise e
   set search_words = e.search_words || ' ' || j.words
  from (select org_number, array_to_string(array(
                 select w from unnest(pg_temp.joined_words(name)) with ordinality as u(w, n)
                  where not (w = any (string_to_array(search_words, ' ')))
                  order by n), ' ') as words
          from enterprise
         where name ~ '[^[:space:]][[:punct:]’]+[^[:space:]]') j
 where e.org_number = j.org_number and j.words <> '';

update agreement a
   set search_words = a.search_words || ' ' || j.words
  from (select id, array_to_string(array(
                 select f from unnest(pg_temp.joined_words(name)) with ordinality as u(w, n),
                        lateral (values (1, w),
                                        (2, replace(replace(replace(w, 'aa', 'a'), 'oe', 'o'),
                                                    'ae', 'a'))) as forms(k, f)
                  where not (f = any (string_to_array(search_words, ' ')))
                  group by f order by min(n * 2 + k)), ' ') as words
          from agreement
         where name ~ '[^[:space:]][[:punct:]’]+[^[:space:]]') j
 where a.id = j.id and j.words <> '';
