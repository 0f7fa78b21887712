-- the wizard's Read files from the source, per source catalog (server session, master)
SELECT name, type_desc FROM [OUTSYSTEMS].sys.database_files ORDER BY file_id;
SELECT name, type_desc FROM [OS_PROD_LOG].sys.database_files ORDER BY file_id;
