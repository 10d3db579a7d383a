#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on this project's machines.
# prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here so that `prisma generate`, `prisma validate` and
# `prisma format` work offline. Migrations are done by the project's own tool (scripts/db.ts), which drives
# Prisma's WebAssembly schema engine. See docs/decisions/002-databases-and-migrations.md.
#
# The Prisma CLI shows the schema engine's stderr from the second line on, parsed as JSON log lines: the
# message is printed once as text and once as a JSON log line so that `prisma migrate …` displays it.
MSG="Prisma's native schema engine is not available in this project: use the project's migrate tool: npm run db:create / db:deploy / db:status / db:reset / db:diff / db:resolve (scripts/db.ts)"
echo "$MSG" >&2
printf '{"level":"ERROR","target":"commonground::schema_engine_stub","fields":{"message":"%s"}}\n' "$MSG" >&2
exit 1
