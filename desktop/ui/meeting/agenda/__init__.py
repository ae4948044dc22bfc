"""The agenda tab: the tree of ระเบียบวาระ, the editor of one item, and their undo."""
