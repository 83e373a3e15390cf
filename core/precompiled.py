"""Querysets compiled to SQL once per process, and planned once per connection, for the pages read most.

Building a queryset and compiling it to SQL costs the ORM ~0.6 ms of Python on every call: more than
PostgreSQL needs to find an article by its indexed slug. For a query that only changes by a few
values, the SQL is compiled once and run again with the new values; the rows become model instances
the way Django's own ModelIterable makes them (``Model.from_db``, the fields' converters, the
annotations set as attributes).

On PostgreSQL the query is also a server-side prepared statement: planning the article page's query
(four EXISTS flags) takes PostgreSQL ~0.15 ms, five times as long as running it, and a prepared
statement is planned once per connection. Prepared statements live in the database session, so a
connection pooler in front of PostgreSQL should pool sessions, not transactions (a statement that
went missing is prepared again, at the cost of a failed query).
"""

import hashlib
import re
import weakref
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

# Django's placeholders in compiled SQL: %s for a parameter, %% for a literal percent sign.
_PLACEHOLDER = re.compile(r"%([s%])")
# The statements prepared on each open connection: a new connection (after a restart of PostgreSQL,
# or CONN_MAX_AGE) is a new key and prepares them again. Named after their SQL, so two queries with
# the same SQL share one statement.
_prepared = weakref.WeakKeyDictionary()  # DB-API connection → PREPARE statements run (None: start over)
# Errors after which the statements are made again: one is gone (a pooler in transaction mode, a
# DISCARD ALL), or a migration changed the columns it returns ("cached plan must not change result type").
_STALE_STATEMENT = {"26000", "0A000"}


@dataclass(frozen=True)
class _Compiled:
    compiler: object
    params: tuple
    slots: dict  # sample name → index of its value among the parameters
    model: type
    init_list: list  # attnames of the selected model fields, in column order
    model_columns: slice
    annotations: dict  # annotation name → column index
    converters: dict
    prepare_sql: str  # PREPARE … AS the query with $1, $2… (PostgreSQL)
    execute_sql: str  # EXECUTE … (%s, %s…)

    def params_with(self, values):
        params = list(self.params)
        for name, index in self.slots.items():
            params[index] = values[name]
        return params

    def instance(self, using, row):
        if self.converters:
            row = next(iter(self.compiler.apply_converters([row], self.converters)))
        instance = self.model.from_db(using, self.init_list, row[self.model_columns])
        for name, index in self.annotations.items():
            setattr(instance, name, row[index])
        return instance


class PrecompiledQuery:
    """The SQL of ``build(**samples)``, compiled once per database alias; ``first(**values)`` runs it again.

    ``build`` returns a queryset of a single model (no ``select_related``). Each sample value must
    occur exactly once among the compiled query's parameters; the caller's value takes its place
    (psycopg2 adapts it). Pick samples no real parameter will equal.
    """

    def __init__(self, build, **samples):
        self.build = build
        self.samples = samples
        self._compiled = {}  # database alias → _Compiled

    def first(self, using=DEFAULT_DB_ALIAS, **values):
        """The first row as a model instance, or None."""
        connection = connections[using]
        if connection.vendor != "postgresql":  # SQLite while developing: the ORM as usual
            return next(iter(self.build(**values).using(using)), None)
        compiled = self._compile(using)
        params = compiled.params_with(values)
        with connection.cursor() as cursor:
            try:
                self._execute_prepared(connection, cursor, compiled, params)
            except DatabaseError as error:
                if getattr(error.__cause__, "pgcode", None) not in _STALE_STATEMENT:
                    raise
                _prepared[connection.connection] = None  # made again, after DEALLOCATE ALL
                if connection.in_atomic_block:  # the transaction is lost: the next one will do it
                    raise
                self._execute_prepared(connection, cursor, compiled, params)
            row = cursor.fetchone()
        return None if row is None else compiled.instance(using, row)

    @staticmethod
    def _execute_prepared(connection, cursor, compiled, params):
        prepared = _prepared.get(connection.connection, ())
        if prepared is None or compiled.prepare_sql not in prepared:
            if prepared is None:
                cursor.execute("DEALLOCATE ALL")
            # A prepared statement outlives a rolled-back transaction: it belongs to the session.
            cursor.execute(compiled.prepare_sql)  # no parameters: no % escaping
            _prepared[connection.connection] = {*(prepared or ()), compiled.prepare_sql}
        cursor.execute(compiled.execute_sql, params)

    def _compile(self, using):
        compiled = self._compiled.get(using)
        if compiled is None:  # two threads may both compile: the same result, stored twice
            compiled = self._compiled[using] = self._compile_for(using)
        return compiled

    def _compile_for(self, using):
        queryset = self.build(**self.samples)
        compiler = queryset.query.get_compiler(using)
        sql, params = compiler.as_sql()  # also fills compiler.select, klass_info and annotation_col_map
        statement = "portal_" + hashlib.sha256(sql.encode()).hexdigest()[:16]
        numbered = iter(range(1, len(params) + 1))
        dollar_sql = _PLACEHOLDER.sub(lambda match: "%" if match[1] == "%" else f"${next(numbered)}", sql)
        if compiler.klass_info.get("related_klass_infos"):
            raise ValueError("a precompiled query reads a single model: no select_related")
        selected = compiler.klass_info["select_fields"]
        model_columns = slice(selected[0], selected[-1] + 1)
        return _Compiled(
            compiler=compiler,
            params=tuple(params),
            slots={name: self._slot(params, name, sample) for name, sample in self.samples.items()},
            model=queryset.model,
            init_list=[column[0].target.attname for column in compiler.select[model_columns]],
            model_columns=model_columns,
            annotations=dict(compiler.annotation_col_map),
            converters=compiler.get_converters([column[0] for column in compiler.select]),
            prepare_sql=f"PREPARE {statement} AS {dollar_sql}",
            execute_sql=f"EXECUTE {statement} ({', '.join(['%s'] * len(params))})",
        )

    @staticmethod
    def _slot(params, name, sample):
        indexes = [index for index, param in enumerate(params) if param == sample]
        if len(indexes) != 1:
            raise ValueError(f"the sample for {name!r} occurs {len(indexes)} times among the query's parameters")
        return indexes[0]
