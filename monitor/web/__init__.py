"""The desk: ``monitor web`` (Starlette pages on the same database) and the static
timeline of ``monitor timeline``.

Nothing here is imported when ``monitor --help`` runs: the commands in
:mod:`monitor.web.commands` import the framework and the chart library when they run.
"""
