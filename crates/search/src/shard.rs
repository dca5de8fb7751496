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

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the shard ends early")?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number in the shard is too long".into())
    }
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
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

/// Encode terms (sorted, postings in id order) as a shard file.
pub fn encode(terms: &[Term]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, terms.len() as u64);
    for t in terms {
        put_varint(&mut out, t.term.len() as u64);
        out.extend_from_slice(t.term.as_bytes());
        put_varint(&mut out, t.postings.len() as u64);
        let (first, last) = match (t.postings.first(), t.postings.last()) {
            (Some(f), Some(l)) => (f.0, l.0),
            _ => (0, 0),
        };
        let bitmap_len = ((last - first) / 8 + 1) as usize;
        let mut list = Vec::new();
        let mut prev = 0u32;
        for &(id, impact) in &t.postings {
            put_varint(&mut list, u64::from(id - prev));
            list.push(impact);
            prev = id;
        }
        if !t.postings.is_empty() && bitmap_len + t.postings.len().div_ceil(2) < list.len() {
            out.push(1);
            put_varint(&mut out, u64::from(first));
            put_varint(&mut out, bitmap_len as u64);
            let mut bits = vec![0u8; bitmap_len];
            for &(id, _) in &t.postings {
                let i = (id - first) as usize;
                bits[i / 8] |= 1 << (i % 8);
            }
            out.extend_from_slice(&bits);
            for pair in t.postings.chunks(2) {
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

/// Decode a shard file; the error says what is wrong with it.
pub fn decode(bytes: &[u8]) -> Result<Shard, String> {
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err("not a Minutebook search shard (wrong header)".into());
    }
    let mut r = Reader { bytes, at: 4 };
    let count = r.varint()? as usize;
    let mut terms = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let len = r.varint()? as usize;
        let term = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "a term is not UTF-8")?;
        let df = r.varint()? as usize;
        let mut postings = Vec::with_capacity(df.min(1 << 20));
        match r.byte()? {
            0 => {
                let mut prev = 0u32;
                for _ in 0..df {
                    prev = prev
                        .checked_add(r.varint()? as u32)
                        .ok_or("a record id overflows")?;
                    postings.push((prev, r.byte()?));
                }
            }
            1 => {
                let first = r.varint()? as u32;
                let n = r.varint()? as usize;
                for (i, &b) in r.take(n)?.iter().enumerate() {
                    for bit in 0..8 {
                        if b & (1 << bit) != 0 {
                            postings.push((first + (i * 8 + bit) as u32, 0));
                        }
                    }
                }
                if postings.len() != df {
                    return Err("a bitmap does not match its term's record count".into());
                }
                let impacts = r.take(df.div_ceil(2))?;
                for (i, p) in postings.iter_mut().enumerate() {
                    let nib = (impacts[i / 2] >> (4 * (i % 2))) & 0x0f;
                    p.1 = nib * 17;
                }
            }
            m => return Err(format!("unknown postings mode {m}")),
        }
        terms.push(Term { term, postings });
    }
    Ok(Shard { terms })
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
