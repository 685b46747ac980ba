-- Name searches as advisers type them, at the register's size: a word of two to four letters
-- ("ma", "as", "bygg") used to be a prefix match that PostgreSQL answers by merging the index
-- entries of every word it begins (hundreds for "ma"), and a search in the adviser's own county
-- intersected that with a second index. Now each name word is indexed with its first two, three
-- and four letters as lexemes of their own, so such a query word is one exact lexeme (EnterpriseSearch
-- asks for it exactly; longer words stay prefix matches, which begin few words), and the county is
-- a column of the same GIN index (btree_gin), so the county narrows inside the one index scan.
create function enterprise_search_vector(words text) returns tsvector
  language plpgsql immutable strict parallel safe as $$
declare
  word  text;
  terms text[] := '{}';
begin
  -- The words come folded and space-separated from SearchWords.indexed (letters and digits only);
  -- array_to_tsvector keeps them as they are and drops repeats.
  foreach word in array string_to_array(words, ' ') loop
    continue when word = '';
    terms := terms || word;
    for k in 2 .. least(4, length(word) - 1) loop
      terms := terms || left(word, k);
    end loop;
  end loop;
  return array_to_tsvector(terms);
end
$$;

create extension if not exists btree_gin;

-- One rewrite of the table: the old column (and its index) out, the new one computed for every row.
alter table enterprise
  drop column search,
  add column search tsvector generated always as (enterprise_search_vector(search_words)) stored;
create index enterprise_search on enterprise using gin (county_code, search);

-- The planner's statistics of the new column, so that EnterpriseSearch's estimate sees its lexemes.
analyze enterprise;
