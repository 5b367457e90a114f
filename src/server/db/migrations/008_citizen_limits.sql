-- 008: what representatives see in the citizen view (issue 5).
-- A fullmakt covers what the principal says it covers; the municipality registers the case areas
-- (NULL or empty = every area). A child's case can be withheld from the guardians after a secrecy
-- review (OSL 12 kap. 3 §): the guardian is the one reported, LVU, or harm to the child.

ALTER TABLE person_relations ADD COLUMN scope_areas text[]
  CHECK (scope_areas <@ ARRAY['barn_och_unga','vuxen','ekonomiskt_bistand','aldreomsorg','funktionsstod','familjeratt','vald_i_nara_relationer']);

ALTER TABLE cases
  ADD COLUMN withheld_from_guardians text CHECK (withheld_from_guardians IN ('vardnadshavare_anmald','lvu','menprovning')),
  ADD COLUMN withheld_note text,
  ADD COLUMN withheld_by uuid,
  ADD COLUMN withheld_at timestamptz,
  ADD FOREIGN KEY (municipality_id, withheld_by) REFERENCES staff_users(municipality_id, id);
