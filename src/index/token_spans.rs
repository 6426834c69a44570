//! The morphological tokens of a passage, stored with it so that a search can mark the
//! matched words in its snippet without segmenting the passage again.
//!
//! A passage is analysed once when it is indexed; besides its postings, the byte range of
//! each kept token in the normalised text is stored as MessagePack: for each token, the gap
//! from the end of the token before and its length (small numbers, mostly one byte each).
//! [`crate::analysis::tokens_from_spans`] makes the tokens again from the ranges.

/// Why stored spans could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TokenSpansError {
    /// The bytes are not a list of numbers.
    #[error("token spans: {0}")]
    Decode(#[from] rmp_serde::decode::Error),
    /// The list does not hold a gap and a length for each token.
    #[error("token spans: an odd count of numbers")]
    Unpaired,
}

/// The stored form of token `spans` (byte ranges in increasing order, not overlapping).
pub fn encode(spans: &[(usize, usize)]) -> Vec<u8> {
    let mut numbers = Vec::with_capacity(spans.len() * 2);
    let mut previous_end = 0;
    for &(start, end) in spans {
        numbers.push(start.saturating_sub(previous_end));
        numbers.push(end.saturating_sub(start));
        previous_end = end;
    }
    // A list of numbers always serialises.
    rmp_serde::to_vec(&numbers).unwrap_or_default()
}

/// The token spans stored as `bytes` by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Vec<(usize, usize)>, TokenSpansError> {
    let numbers: Vec<usize> = rmp_serde::from_slice(bytes)?;
    if !numbers.len().is_multiple_of(2) {
        return Err(TokenSpansError::Unpaired);
    }
    let mut spans = Vec::with_capacity(numbers.len() / 2);
    let mut previous_end = 0usize;
    for pair in numbers.chunks_exact(2) {
        let start = previous_end.saturating_add(pair[0]);
        let end = start.saturating_add(pair[1]);
        spans.push((start, end));
        previous_end = end;
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_come_back_as_they_were_stored() {
        let spans = vec![(0, 6), (6, 9), (12, 30), (30, 31), (400, 1_000)];
        let stored = encode(&spans);
        assert_eq!(decode(&stored).unwrap(), spans);
        assert!(stored.len() < 16, "{} bytes", stored.len());
        assert_eq!(decode(&encode(&[])).unwrap(), Vec::new());
    }

    #[test]
    fn bytes_that_are_no_spans_are_refused() {
        assert!(decode(b"not msgpack at all").is_err());
        assert!(matches!(
            decode(&rmp_serde::to_vec(&[1usize, 2, 3]).unwrap()),
            Err(TokenSpansError::Unpaired)
        ));
    }
}
