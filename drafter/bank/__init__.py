"""Mining and the phrase bank: ``mine`` (speeches → phrases), ``frames`` (the
shared frame of sibling items), ``store`` (the bank folder: load, save, select)."""
