namespace GenWorld.Osc.Control;

/// <summary>One row of the address table: what <c>genworld osc --help</c> and the README print.</summary>
/// <param name="Address">The OSC address.</param>
/// <param name="TypeTags">The type tags sent (outputs) or expected (inputs; any numeric tag is accepted for a number).</param>
/// <param name="Arguments">The arguments by name with units.</param>
/// <param name="Meaning">What it does.</param>
public sealed record OscAddressInfo(string Address, string TypeTags, string Arguments, string Meaning);
