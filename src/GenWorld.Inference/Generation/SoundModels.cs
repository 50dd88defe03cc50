using GenWorld.Core.Models;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>Opens a sound model folder as the generator its manifest kind calls for; new kinds plug in here.</summary>
public static class SoundModels
{
    /// <summary>Opens, validates and warms up <paramref name="folder"/>, wrapped in the generator for its kind.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidModelFolderException">The manifest is missing, invalid or disagrees with a graph.</exception>
    /// <exception cref="InvalidModelException">An ONNX file is corrupt.</exception>
    /// <exception cref="NotSupportedException">The model is not a sound model this runtime can serve.</exception>
    public static ISoundBatchGenerator Open(string folder, SoundFinishing? finishing = null, OrtSessionFactory? factory = null, OrtSessionSettings? settings = null)
    {
        (finishing ?? SoundFinishing.Default).Validate(); // before the (slow) load: a bad rate fails at once
        ModelFolder model = ModelFolder.Open(folder, factory ?? new OrtSessionFactory(_ => { }), settings);
        try
        {
            return model.Manifest.Kind switch
            {
                ModelKind.SoundVae => new SoundVaeBatchGenerator(model, finishing),
                _ => throw new NotSupportedException($"Model '{model.Manifest.Name}' is a {model.Manifest.Kind}; no sound generator serves that kind."),
            };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
