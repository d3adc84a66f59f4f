"""The demo content of Wij(k) de Ruwaard: data files in demo/data and the loader that reads them.

No app imports this package; it is installed only for its `load_demo` command.
"""
