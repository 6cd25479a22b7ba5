/// The words of a query laid out flat for the scan (no reference counting in the loop): every form's codes,
/// bounds and mask, and each word's forms and mode.
final class TermTable {
    let count: Int
    private let codes: UnsafeMutableBufferPointer<UInt32>
    private let formBounds: UnsafeMutableBufferPointer<Int>
    private let formMasks: UnsafeMutableBufferPointer<UInt64>
    private let termForms: UnsafeMutableBufferPointer<Int>
    private let modes: UnsafeMutableBufferPointer<SearchQuery.Mode>

    init(_ terms: [PreparedTerm]) {
        count = terms.count
        let forms = terms.flatMap(\.forms)
        codes = .allocate(capacity: max(1, forms.reduce(0) { $0 + $1.count }))
        formBounds = .allocate(capacity: forms.count + 1)
        formMasks = .allocate(capacity: max(1, forms.count))
        termForms = .allocate(capacity: terms.count + 1)
        modes = .allocate(capacity: max(1, terms.count))
        var c = 0, f = 0
        formBounds[0] = 0
        termForms[0] = 0
        for (j, term) in terms.enumerated() {
            modes[j] = term.mode
            for (k, form) in term.forms.enumerated() {
                for code in form { codes[c] = code; c += 1 }
                formMasks[f] = term.masks[k]
                f += 1
                formBounds[f] = c
            }
            termForms[j + 1] = f
        }
    }

    deinit {
        codes.deallocate(); formBounds.deallocate(); formMasks.deallocate(); termForms.deallocate(); modes.deallocate()
    }

    /// True when some form of word `j` can be in a text of character mask `mask`.
    @inline(__always) func possible(_ j: Int, _ mask: UInt64) -> Bool {
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & mask == formMasks[k] { return true }
        return false
    }

    /// The best occurrence of any form of word `j` in `t`.
    @inline(__always)
    func best(_ j: Int, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64, preferAt: Int) -> Occurrence {
        var best = Occurrence.none
        let base = UnsafeBufferPointer(codes)
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & textMask == formMasks[k] {
            let form = UnsafeBufferPointer(rebasing: base[formBounds[k]..<formBounds[k + 1]])
            let o = bestOccurrence(form, t, mode: modes[j], preferAt: preferAt)
            if o.level > best.level
                || (o.level == best.level && o.level > 0 && o.start == preferAt && best.start != preferAt)
            {
                best = o
            }
        }
        return best
    }

    /// True when some form of word `j` is a subsequence of `t`.
    @inline(__always)
    func holdsInOrder(_ j: Int, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64) -> Bool {
        let base = UnsafeBufferPointer(codes)
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & textMask == formMasks[k] {
            if isSubsequence(UnsafeBufferPointer(rebasing: base[formBounds[k]..<formBounds[k + 1]]), t) { return true }
        }
        return false
    }
}
