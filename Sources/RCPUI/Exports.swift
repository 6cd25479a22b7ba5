// RCPUI draws with RCPText's display widths, ASCII folding and wrapping; every file of RCPUI (and every
// importer of RCPUI) sees them as before they moved there.
@_exported import RCPText
