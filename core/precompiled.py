"""Querysets compiled to SQL once per process, for the pages read most often.

Building a queryset and compiling it to SQL costs the ORM ~0.6 ms of Python on every call: more than
PostgreSQL needs to find an article by its indexed slug. For a query that only changes by a few
values, the SQL can be compiled once and run again through ``raw()``, which still makes model
instances (deferred fields, converters and annotations included) the documented way.
"""

from django.db import DEFAULT_DB_ALIAS


class PrecompiledQuery:
    """The SQL of ``build(**samples)``, compiled once per database alias; ``raw(**values)`` runs it again.

    ``build`` returns a queryset of a single model (no ``select_related``: ``raw()`` cannot split a
    join into related instances). Each sample value must occur exactly once among the compiled
    query's parameters; ``raw()`` puts the caller's value in its place. Pick samples no real
    parameter will equal.
    """

    def __init__(self, build, **samples):
        self.build = build
        self.samples = samples
        self._compiled = {}  # database alias → (model, SQL, parameters, where each value goes)

    def raw(self, using=DEFAULT_DB_ALIAS, **values):
        model, sql, params, slots = self._compile(using)
        params = list(params)
        for name, index in slots.items():
            params[index] = values[name]
        return model._default_manager.db_manager(using).raw(sql, params)

    def _compile(self, using):
        compiled = self._compiled.get(using)
        if compiled is None:  # two threads may both compile: the same result, stored twice
            queryset = self.build(**self.samples)
            sql, params = queryset.query.get_compiler(using).as_sql()
            slots = {name: self._slot(params, name, sample) for name, sample in self.samples.items()}
            compiled = self._compiled[using] = (queryset.model, sql, tuple(params), slots)
        return compiled

    @staticmethod
    def _slot(params, name, sample):
        indexes = [index for index, param in enumerate(params) if param == sample]
        if len(indexes) != 1:
            raise ValueError(f"the sample for {name!r} occurs {len(indexes)} times among the query's parameters")
        return indexes[0]
