// RealPath moved to GenWorld.Core.IO so the importer (GenWorld.Content) resolves folder links with the same code the
// service confines paths with; this alias keeps the service's files unchanged.
global using RealPath = GenWorld.Core.IO.RealPath;
