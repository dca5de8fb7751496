//! The binary term shard, `t/<key>.bin`: every term under one key with its postings.
//!
//! ```text
//! "MBS1"  varint(term count)
//! per term, sorted:  varint(len) term-bytes  varint(df)  u8 mode
//!   mode 0 (list):   df × ( varint(record id − previous id)  u8 impact )
//!   mode 1 (bitmap): varint(first id)  varint(byte count)  bitmap-bytes  ceil(df/2) impact-bytes
//! ```
//! The impact is the record's BM25 term weight (length-normalised, title words counted
//! more), quantised to 1..=255 at build time, so the browser needs no per-record lengths.
//! Terms in a large share of records are stored as a bitmap of ids followed by 4-bit
//! impacts (two a byte), whichever of the two layouts is smaller.

const MAGIC: &[u8; 4] = b"MBS1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    /// Records containing the term, in id order, with their impact.
    pub postings: Vec<(u32, u8)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shard {
    /// Sorted by term.
    pub terms: Vec<Term>,
}

impl Shard {
    pub fn get(&self, term: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|t| t.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the shard ends early")?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err("a number in the shard is too big".into());
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number in the shard is too long".into())
    }
    /// A varint that must fit in a `u32` (record ids), `what` naming it in the error.
    fn u32(&mut self, what: &str) -> Result<u32, String> {
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| format!("{what} ({v}) is too big for a record id"))
    }
    /// A varint used as a count or length, which cannot be more than `max`.
    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= max)
            .ok_or_else(|| format!("{what} is {v}, more than the {max} bytes left could hold"))
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("the shard ends early")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
}

/// Encode terms as a shard file. Terms should be sorted and unique (that is what
/// [`decode`] accepts back), each one's postings in id order; postings out of order are
/// sorted, and of repeated ids the first is kept, rather than panicking.
pub fn encode(terms: &[Term]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, terms.len() as u64);
    for t in terms {
        let sorted;
        let postings: &[(u32, u8)] = if t.postings.windows(2).all(|w| w[0].0 < w[1].0) {
            &t.postings
        } else {
            let mut p = t.postings.clone();
            p.sort_by_key(|p| p.0);
            p.dedup_by_key(|p| p.0);
            sorted = p;
            &sorted
        };
        put_varint(&mut out, t.term.len() as u64);
        out.extend_from_slice(t.term.as_bytes());
        put_varint(&mut out, postings.len() as u64);
        let (first, last) = match (postings.first(), postings.last()) {
            (Some(f), Some(l)) => (f.0, l.0),
            _ => (0, 0),
        };
        let bitmap_len = ((last - first) / 8) as usize + 1;
        let mut list = Vec::new();
        let mut prev = 0u32;
        for &(id, impact) in postings {
            put_varint(&mut list, u64::from(id - prev));
            list.push(impact);
            prev = id;
        }
        if !postings.is_empty() && bitmap_len + postings.len().div_ceil(2) < list.len() {
            out.push(1);
            put_varint(&mut out, u64::from(first));
            put_varint(&mut out, bitmap_len as u64);
            let mut bits = vec![0u8; bitmap_len];
            for &(id, _) in postings {
                let i = (id - first) as usize;
                bits[i / 8] |= 1 << (i % 8);
            }
            out.extend_from_slice(&bits);
            for pair in postings.chunks(2) {
                let nib = |p: &(u32, u8)| ((u32::from(p.1) * 15 + 127) / 255).max(1) as u8;
                out.push(nib(&pair[0]) | pair.get(1).map_or(0, |p| nib(p) << 4));
            }
        } else {
            out.push(0);
            out.extend_from_slice(&list);
        }
    }
    out
}

/// Decode a shard file; the error says what is wrong with it and at which term.
///
/// Never panics and allocates no more than a small multiple of the file's size: every
/// declared count and length is checked against the bytes left before it is used.
/// Refused: a wrong header, a file cut off or with bytes after its last term, a term that
/// is not UTF-8 or not after the term before it, record ids that do not increase or pass
/// `u32::MAX`, a bitmap whose bits disagree with its term's record count, and an unknown
/// postings layout.
pub fn decode(bytes: &[u8]) -> Result<Shard, String> {
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err("not a Minutebook search shard (wrong header)".into());
    }
    let mut r = Reader { bytes, at: 4 };
    // Each term takes at least three bytes: its length, its record count and its layout.
    let count = r.count("the number of terms", r.left() / 3)?;
    let mut terms: Vec<Term> = Vec::with_capacity(count);
    for n in 0..count {
        let term = decode_term(&mut r).map_err(|e| format!("term {n}: {e}"))?;
        if let Some(prev) = terms.last() {
            if prev.term >= term.term {
                return Err(format!(
                    "term {n} ({:?}) is not after the term before it ({:?}): terms must be sorted",
                    term.term, prev.term
                ));
            }
        }
        terms.push(term);
    }
    if r.left() > 0 {
        return Err(format!(
            "{} bytes follow the last of the {count} terms",
            r.left()
        ));
    }
    Ok(Shard { terms })
}

fn decode_term(r: &mut Reader) -> Result<Term, String> {
    let len = r.count("the term's length", r.left())?;
    let term = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "the term is not UTF-8")?;
    let df = r.varint()?;
    let mode = r.byte()?;
    let mut postings: Vec<(u32, u8)> = Vec::new();
    match mode {
        0 => {
            // Two bytes at least per record: its id (delta) and its impact.
            let df = usize::try_from(df)
                .ok()
                .filter(|&d| d <= r.left() / 2)
                .ok_or_else(|| format!("its record count {df} is more than the bytes left hold"))?;
            postings.reserve_exact(df);
            let mut prev: Option<u32> = None;
            for _ in 0..df {
                let delta = r.u32("a record id step")?;
                let id = match prev {
                    None => delta,
                    Some(_) if delta == 0 => {
                        return Err("a record id is repeated (ids must increase)".into())
                    }
                    Some(p) => p.checked_add(delta).ok_or("a record id passes u32::MAX")?,
                };
                postings.push((id, r.byte()?));
                prev = Some(id);
            }
        }
        1 => {
            let first = r.u32("the bitmap's first record id")?;
            let n = r.count("the bitmap's length", r.left())?;
            let bits = r.take(n)?;
            let set: u64 = bits.iter().map(|b| u64::from(b.count_ones())).sum();
            if set != df {
                return Err(format!(
                    "its bitmap has {set} records, but its record count is {df}"
                ));
            }
            // Half a byte of impact per record must follow: checked before allocating.
            let df = usize::try_from(set)
                .ok()
                .filter(|&d| d.div_ceil(2) <= r.left())
                .ok_or_else(|| format!("its {set} records' impacts are cut off"))?;
            postings.reserve_exact(df);
            for (i, &b) in bits.iter().enumerate() {
                for bit in 0..8 {
                    if b & (1 << bit) != 0 {
                        let id = i
                            .checked_mul(8)
                            .and_then(|x| u32::try_from(x + bit).ok())
                            .and_then(|x| first.checked_add(x))
                            .ok_or("a record id in the bitmap passes u32::MAX")?;
                        postings.push((id, 0));
                    }
                }
            }
            let impacts = r.take(df.div_ceil(2))?;
            for (i, p) in postings.iter_mut().enumerate() {
                let nib = (impacts[i / 2] >> (4 * (i % 2))) & 0x0f;
                p.1 = nib * 17;
            }
        }
        m => return Err(format!("unknown postings layout {m}")),
    }
    Ok(Term { term, postings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_bitmaps_round_trip() {
        let dense: Vec<(u32, u8)> = (100..400)
            .map(|i| (i, if i % 2 == 0 { 255 } else { 17 }))
            .collect();
        let terms = vec![
            Term {
                term: "caf".into(),
                postings: vec![(3, 200), (900, 1), (70_000, 255)],
            },
            Term {
                term: "council".into(),
                postings: dense.clone(),
            },
            Term {
                term: "ÿ".into(),
                postings: vec![],
            },
        ];
        let bytes = encode(&terms);
        assert!(
            bytes.len() < 250,
            "dense term not stored as a bitmap: {} bytes",
            bytes.len()
        );
        let back = decode(&bytes).unwrap();
        assert_eq!(back.terms[0], terms[0]);
        assert_eq!(back.terms[1].postings, dense);
        assert_eq!(back.get("council").unwrap().postings.len(), 300);
        assert!(decode(b"MBS1\x05").is_err());
        assert!(decode(b"nope").is_err());
    }
}
