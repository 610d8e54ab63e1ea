-- SQL sandbox hardening: PUBLIC (and so spotter_sandbox) may create temporary tables by default.
-- The sandbox always runs READ ONLY, which forbids that anyway; this removes the privilege too,
-- keeping it for the migrating role. Database ACLs are per database (not copied from templates).
DO $$
BEGIN
  IF has_database_privilege('spotter_sandbox', current_database(), 'TEMPORARY') THEN
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO CURRENT_USER', current_database());
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'spotter: could not revoke TEMPORARY from PUBLIC: %', SQLERRM;
END $$;
