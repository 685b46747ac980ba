-- A group's item key was stored among the clients' own keys as 'group:<groupId>:<orgNumber>', a
-- key a client could send itself (POST /deliveries) and be answered with the group's delivery.
-- Item keys now begin with chr(31) (U+001F), which no client's key can hold (1 to 200 visible
-- ASCII characters), so each one made before moves there and a group sent again after the upgrade
-- still finds its items. A key row is a group item's only when its delivery belongs to the group
-- the key names (a single post never stores a delivery with a group, so a client's own key that
-- looks like this stays where it is) and the rest is an org number (nine digits): the delivery's
-- org number now is not compared, since a correction may have moved it to another enterprise.
update idempotency_key k
   set key = chr(31) || k.key
  from delivery d
 where d.id = k.delivery_id
   and d.group_id is not null
   and left(k.key, 43) = 'group:' || d.group_id || ':'
   and substr(k.key, 44) ~ '^[0-9]{9}$';
