-- Migrations 0011–0016 were written by hand, so drizzle-kit's snapshot stopped at 0010 and a generated migration
-- would have repeated them. meta/0017_snapshot.json is the schema as it stands; the one difference from what
-- those migrations made is this foreign key's name, which drizzle-kit would use to change it later.
ALTER TABLE "administration_item_counts" RENAME CONSTRAINT "administration_item_counts_administration_id_fkey" TO "administration_item_counts_administration_id_administrations_id_fk";
