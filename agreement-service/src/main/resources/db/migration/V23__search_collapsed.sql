-- Name searches as advisers type them without æ, ø and å: "Bjork" and "Asen" for Bjørk and Åsen,
-- as often as "Bjoerk" and "Aasen" (a review found "bjork" finding none of 69 Bjørk names). The
-- index holds each folded word (SearchWords: æ -> ae, ø -> oe, å -> aa) and, beside it, the word
-- collapsed further, aa -> a, oe -> o, ae -> a, in this order (SearchWords.collapsed), each with its
-- prefixes of two to four letters (V10). A query's words are looked up as typed: "bjork" finds the
-- collapsed form, "bjørk" and "bjoerk" the folded one, "æ" still only words that begin with æ.

-- The column out first: its stored values are the old function's.
alter table enterprise drop column search;

create or replace function enterprise_search_vector(words text) returns tsvector
  language plpgsql immutable strict parallel safe as $$
declare
  word  text;
  form  text;
  terms text[] := '{}';
begin
  foreach word in array string_to_array(words, ' ') loop
    continue when word = '';
    -- Written out here, built-in functions only: a restore (pg_restore empties search_path)
    -- computes the column again with this function, and must find all it calls.
    foreach form in array array[word, replace(replace(replace(word, 'aa', 'a'), 'oe', 'o'),
                                              'ae', 'a')] loop
      terms := terms || form;
      for k in 2 .. least(4, length(form) - 1) loop
        terms := terms || left(form, k);
      end loop;
    end loop;
  end loop;
  return array_to_tsvector(terms);
end
$$;

-- One rewrite of the table, as V10's: the column computed for every row, and its index.
alter table enterprise
  add column search tsvector generated always as (enterprise_search_vector(search_words)) stored;
create index enterprise_search on enterprise using gin (county_code, search);

analyze enterprise;
